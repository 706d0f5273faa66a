import { createRequire } from 'node:module';
import path from 'node:path';

// DejaVu (Bitstream Vera licence, permissive; LICENSE in node_modules/dejavu-fonts-ttf) embedded
// as subsets. pdfkit's standard-14 fonts are not embedded, so a court expert's viewer would
// substitute glyphs; these are. Resolved from the project root at run time rather than through a
// bundler import, so the CLI and the Next server find the same files.
export const FONT = { regular: 'DV', bold: 'DV-Bold', mono: 'DV-Mono' } as const;

const FILES: Record<keyof typeof FONT, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
};

let dir: string | null = null;
function fontDir(): string {
  if (!dir) {
    const req = createRequire(path.join(process.cwd(), 'package.json'));
    dir = path.join(path.dirname(req.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  }
  return dir;
}

export function fontFiles(): { name: string; file: string }[] {
  return (Object.keys(FILES) as (keyof typeof FONT)[]).map((k) => ({
    name: FONT[k],
    file: path.join(fontDir(), FILES[k]),
  }));
}
