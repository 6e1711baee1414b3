import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy…/waitFor wait for a condition; on a busy machine a debounced call plus a render, or a
// screen's code loaded on first use, can take longer than the library's 1 s default, so give them
// room (a passing run is no slower for it).
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => cleanup());
