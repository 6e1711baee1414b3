/**
 * `npm run bench`: prints the product's speed and size figures with the goal beside each. These are
 * figures, not tests: a slow machine prints MISSED and exits 0.
 */
import { dnsCheckRatio } from './dns';
import { printFigures, type Figure } from './figures';
import { ipcOverhead } from './ipc-overhead';
import { servicesLoadTime } from './main-load';
import { firstScreenInteractive, initialJsGzip } from './renderer';
import { userActions } from './user-actions';

const figures: Figure[] = [];
figures.push(userActions());
figures.push(...(await ipcOverhead()));
figures.push(...(await dnsCheckRatio()));
figures.push(initialJsGzip());
figures.push(await firstScreenInteractive());
figures.push(await servicesLoadTime());
printFigures(figures);
