/** Resolves after `ms`: the one way the services wait between two tries or two pages. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
