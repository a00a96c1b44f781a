// The registry of figure providers. A capability that records figures adds its provider here.
import type { FigureProvider } from './figures.js';
import { trainingFigureProvider } from '../training/training.figures.js';

export const figureProviders: FigureProvider[] = [trainingFigureProvider];
