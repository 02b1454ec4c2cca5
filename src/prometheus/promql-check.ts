/**
 * PromQL syntax check with Prometheus' own lezer grammar (@prometheus-io/lezer-promql, the grammar behind the
 * Prometheus web UI's editor). It catches grammar errors (unbalanced brackets, unknown functions, dangling
 * operators) before any load is sent; type errors such as `rate(up)` are left to the server, which reports them
 * as `bad_data` when the objective is evaluated.
 */
import { parser } from '@prometheus-io/lezer-promql';

export interface PromqlSyntaxError {
  /** 1-based line and column of the first error in the query. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Returns the first syntax error of a PromQL expression, or null when it parses. */
export function checkPromqlSyntax(query: string): PromqlSyntaxError | null {
  if (query.trim() === '') return { line: 1, column: 1, message: 'empty query' };
  const tree = parser.parse(query);
  let position = -1;
  tree.iterate({
    enter(node) {
      if (position >= 0) return false;
      if (node.type.isError) {
        position = node.from;
        return false;
      }
      return undefined;
    },
  });
  if (position < 0) return null;
  const before = query.slice(0, position).split('\n');
  const near = query.slice(position, position + 20).split('\n')[0]!;
  return {
    line: before.length,
    column: before[before.length - 1]!.length + 1,
    message: near.length > 0 ? `unexpected input near '${near}'` : 'unexpected end of query',
  };
}
