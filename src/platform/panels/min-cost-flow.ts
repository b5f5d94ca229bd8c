/**
 * Minimum-cost maximum flow by successive shortest paths (Dijkstra with potentials), for panel assignment
 * (decision 031). Costs must be non-negative integers; every edge's reduced cost stays non-negative, so each
 * shortest path is found by Dijkstra. The result is a maximum flow, and among maximum flows one of minimum
 * cost. Deterministic: edges are tried in the order they were added, ties go to the first found.
 */
export class MinCostFlow {
  private readonly edgeTo: number[] = [];
  private readonly edgeCap: number[] = [];
  private readonly edgeCost: number[] = [];
  private readonly edgeNext: number[] = [];
  private readonly head: Int32Array;
  private readonly tail: Int32Array;

  constructor(private readonly n: number) {
    this.head = new Int32Array(n).fill(-1);
    this.tail = new Int32Array(n).fill(-1);
  }

  /** An edge u → v; returns its index, for `flowOn`. */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    if (cost < 0 || !Number.isInteger(cost)) throw new Error(`MinCostFlow: cost must be a non-negative integer, not ${cost}`);
    const e = this.edgeTo.length;
    this.push(u, v, capacity, cost);
    this.push(v, u, 0, -cost);
    return e;
  }

  private push(u: number, v: number, capacity: number, cost: number): void {
    this.edgeTo.push(v);
    this.edgeCap.push(capacity);
    this.edgeCost.push(cost);
    // appended, so edges are tried in the order they were added
    const e = this.edgeTo.length - 1;
    this.edgeNext.push(-1);
    if (this.head[u] === -1) this.head[u] = e;
    else this.edgeNext[this.tail[u]] = e;
    this.tail[u] = e;
  }

  private flows: Int32Array = new Int32Array(0);

  /** The flow on edge e (as returned by `addEdge`) after the last `run`. */
  flowOn(e: number): number {
    return this.flows[e];
  }

  /**
   * The maximum flow of minimum cost from `source` to `sink`. `closed`: edges (as returned by `addEdge`) to
   * treat as absent in this run; the graph itself is not changed, so `run` can be called again.
   *
   * Each phase finds the shortest distances by Dijkstra on reduced costs, moves the potentials, then sends
   * flow along every path of zero reduced cost it can find (depth first, skipping nodes and edges found
   * useless in the phase): all of them are shortest paths, so this is successive shortest paths with fewer
   * Dijkstra runs.
   */
  run(source: number, sink: number, closed: readonly number[] = []): { flow: number; cost: number } {
    const n = this.n;
    const to = Int32Array.from(this.edgeTo);
    const cap = Int32Array.from(this.edgeCap);
    for (const e of closed) cap[e] = 0;
    const cost = Float64Array.from(this.edgeCost);
    const next = Int32Array.from(this.edgeNext);
    const head = this.head;
    const potential = new Float64Array(n);
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const dead = new Uint8Array(n);
    const onPath = new Uint8Array(n);
    const arc = new Int32Array(n);
    const heap = new MinHeap();
    let flow = 0;
    let total = 0;

    const send = (u: number, limit: number): number => {
      if (u === sink) return limit;
      onPath[u] = 1;
      for (; arc[u] !== -1; arc[u] = next[arc[u]]) {
        const e = arc[u];
        const v = to[e];
        if (cap[e] === 0 || dead[v] || onPath[v] || cost[e] + potential[u] - potential[v] !== 0) continue;
        const pushed = send(v, Math.min(limit, cap[e]));
        if (pushed > 0) {
          cap[e] -= pushed;
          cap[e ^ 1] += pushed;
          total += pushed * cost[e];
          onPath[u] = 0;
          return pushed;
        }
      }
      onPath[u] = 0;
      dead[u] = 1;
      return 0;
    };

    for (;;) {
      dist.fill(Number.POSITIVE_INFINITY);
      done.fill(0);
      dist[source] = 0;
      heap.clear();
      heap.push(0, source);
      while (heap.size > 0) {
        const u = heap.popNode();
        if (done[u]) continue;
        done[u] = 1;
        if (u === sink) break;
        const base = dist[u] + potential[u];
        for (let e = head[u]; e !== -1; e = next[e]) {
          if (cap[e] === 0) continue;
          const v = to[e];
          if (done[v]) continue;
          const d = base + cost[e] - potential[v];
          if (d < dist[v]) {
            dist[v] = d;
            heap.push(d, v);
          }
        }
      }
      if (!done[sink]) break;
      // potentials as in AtCoder's library: only the nodes settled before the sink move
      const reach = dist[sink];
      for (let v = 0; v < n; v++) if (done[v]) potential[v] -= reach - dist[v];
      dead.fill(0);
      arc.set(head);
      for (let pushed = send(source, Number.POSITIVE_INFINITY); pushed > 0; pushed = send(source, Number.POSITIVE_INFINITY)) flow += pushed;
    }
    this.flows = new Int32Array(cap.length);
    for (let e = 0; e < cap.length; e += 2) this.flows[e] = cap[e ^ 1];
    return { flow, cost: total };
  }
}

/** A binary heap of (key, node) pairs, smallest key first; deterministic for the same pushes and pops. */
class MinHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  popNode(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    const n = --this.size;
    const key = keys[n];
    const node = nodes[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[i] = keys[child];
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}
