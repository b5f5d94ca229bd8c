import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../db/database.ts';
import { publicNameExpression } from './public-register.repo.ts';

describe('the public name index', () => {
  it('indexes exactly the expression the search compares (else the planner cannot use it)', () => {
    const file = readdirSync(migrationsFolder).find((f) => f.includes('public_name_index'))!;
    const migration = readFileSync(join(migrationsFolder, file), 'utf8');
    expect(migration).toContain(`USING gin ((${publicNameExpression('')}) gin_trgm_ops) WHERE "account_id" IS NOT NULL`);
  });
});
