/**
 * A contract suite whose adapter cannot run here: reported as skipped, with the reason in its
 * name, which the summary reporter prints at the end of every run: never a silent pass.
 */
export function describeSkippedContract(port: string, adapter: string, reason: string): void {
  describe.skip(`${port} contract: ${adapter} (skipped: ${reason})`, () => {
    it('runs when its server is configured', () => undefined);
  });
}
