// Owns the table of running jobs so `job.cancel` can reach the one a renderer started.
export class JobRegistry {
  private readonly running = new Map<string, () => void>();

  /** Runs `work` as job `jobId`; `cancel` is what `job.cancel` calls while it runs. */
  async track<T>(jobId: string, cancel: () => void, work: Promise<T>): Promise<T> {
    this.running.set(jobId, cancel);
    try {
      return await work;
    } finally {
      this.running.delete(jobId);
    }
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.();
  }

  cancelAll(): void {
    for (const cancel of this.running.values()) cancel();
  }
}
