/**
 * `npm run bench`: prints the product's speed and size figures with the goal beside each. These are
 * figures, not tests: a slow machine prints MISSED and exits 0.
 */
import { printFigures, type Figure } from './figures';
import { ipcOverhead } from './ipc-overhead';
import { servicesLoadTime } from './main-load';
import { firstScreenInteractive, initialJsGzip } from './renderer';

const figures: Figure[] = [];
figures.push(...(await ipcOverhead()));
figures.push(initialJsGzip());
figures.push(await firstScreenInteractive());
figures.push(await servicesLoadTime());
printFigures(figures);
