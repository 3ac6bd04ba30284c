import type { FastifyReply } from 'fastify';
import { toCsv } from '../../projections/accounting/csv';

/** Answers with a CSV attachment named `<name>.csv`. */
export function csvReply(
  reply: FastifyReply,
  name: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
): string {
  void reply.header('content-type', 'text/csv; charset=utf-8');
  void reply.header('content-disposition', `attachment; filename="${name}.csv"`);
  return toCsv(header, rows);
}
