import { start } from './start';
import './styles.css';

void start(document.getElementById('root')!);
