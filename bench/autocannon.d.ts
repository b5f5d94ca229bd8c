// autocannon ships no types: the little of its API the public-search benchmark uses
declare module 'autocannon' {
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    requests?: { method?: string; setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> }[];
  };
  type Result = {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  export default function autocannon(options: Options): Promise<Result>;
}
