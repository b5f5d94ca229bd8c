export function build(options?: { logLevel?: string }): Promise<number>;
export function staleBecause(): string | undefined;
export function ensureBuilt(): Promise<void>;
