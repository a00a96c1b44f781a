// The standard's schema lives in shared/ (the admin editor uses the same types).
export * from '../../../shared/standards/standard.js';
