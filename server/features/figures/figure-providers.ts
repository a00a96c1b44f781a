// The registry of figure providers. A capability that records figures adds its provider here.
import type { FigureProvider } from './figures.js';
import { pairingFigureProvider } from '../pairing/pairing.figures.js';
import { supervisionFigureProvider } from '../supervision/supervision.figures.js';
import { serviceFigureProvider } from '../service/service.figures.js';
import { trainingFigureProvider } from '../training/training.figures.js';

export const figureProviders: FigureProvider[] = [pairingFigureProvider, supervisionFigureProvider, serviceFigureProvider, trainingFigureProvider];
