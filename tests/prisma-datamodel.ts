import { readFileSync } from 'node:fs';

// Prisma 7's generated client keeps only a thin runtime datamodel (no native types, no
// optionality), and the full DMMF needs the CLI's engine. So the drift test reads the datamodel
// from schema.prisma itself: model blocks, their @@map, and scalar field lines.
export interface DmField {
  name: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  native: string | null;
  isEnum: boolean;
}
export interface DmModel {
  name: string;
  table: string;
  fields: DmField[];
}

export function readDatamodel(file = 'prisma/schema.prisma'): DmModel[] {
  const src = readFileSync(file, 'utf8');
  const enums = new Set([...src.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]!));
  const modelNames = new Set([...src.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!));
  const models: DmModel[] = [];
  for (const m of src.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const body = m[2]!;
    const table = body.match(/@@map\("([^"]+)"\)/)?.[1] ?? m[1]!;
    const fields: DmField[] = [];
    for (const line of body.split('\n')) {
      const f = line.trim().match(/^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/);
      if (!f || line.trim().startsWith('//') || line.trim().startsWith('@@')) continue;
      const [, name, type, list, opt, rest] = f;
      if (modelNames.has(type!)) continue; // relation field
      fields.push({
        name: rest!.match(/@map\("([^"]+)"\)/)?.[1] ?? name!,
        type: type!,
        isList: !!list,
        isRequired: !opt,
        isEnum: enums.has(type!),
        native: rest!.match(/@db\.(\w+)/)?.[1] ?? null,
      });
    }
    models.push({ name: m[1]!, table, fields });
  }
  return models;
}
