export function tieringFlags(v8Version?: string): string[];
export function tuneTiering(): void;
