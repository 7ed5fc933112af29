// Reads GS1's Barcode Syntax Dictionary (gs1/gs1-syntax-dictionary) into plain records.
// Only the generator uses this; the app ships the generated table, never the text file.

export type CharacterSet = 'N' | 'X' | 'Y' | 'Z';

/** One component of an AI's data field, e.g. `N6,yymmd0` or `[X..17]`. */
export interface DictionaryComponent {
  readonly cset: CharacterSet;
  readonly minLength: number;
  readonly maxLength: number;
  readonly optional: boolean;
  readonly linters: readonly string[];
}

/** One dictionary line: a single AI or a range such as 3100-3105. */
export interface DictionaryEntry {
  readonly firstAi: string;
  readonly lastAi: string;
  /** `*` marks a predefined-length AI that needs no FNC1 separator after it. */
  readonly flags: string;
  readonly components: readonly DictionaryComponent[];
  /** Patterns from `ex=`: AIs that must not appear with this one (`n` stands for any digit). */
  readonly excludes: readonly string[];
  readonly title: string;
}

const flagsToken = /^[*!?"$%&'()+,\-./:;<=>@[\\\]^_`{|}~]+$/;
const componentToken = /^(\[)?([NXYZ])(\d+|\.\.\d+)(\])?((?:,[a-z0-9]+)*)$/;
const aiToken = /^(\d{2,4})(?:-(\d{2,4}))?$/;

/** Parses every entry; throws on a line it does not understand, so a format change fails the build. */
export function parseSyntaxDictionary(text: string): DictionaryEntry[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(parseEntry);
}

function parseEntry(line: string): DictionaryEntry {
  const hash = line.indexOf('#');
  const title = hash >= 0 ? line.slice(hash + 1).trim() : '';
  const tokens = (hash >= 0 ? line.slice(0, hash) : line).trim().split(/\s+/);
  const ais = aiToken.exec(tokens[0] ?? '');
  if (!ais?.[1]) throw new Error(`Unreadable AI in dictionary line: ${line}`);
  let next = 1;
  const flags = flagsToken.test(tokens[next] ?? '') ? (tokens[next++] ?? '') : '';
  const components: DictionaryComponent[] = [];
  for (let c = parseComponent(tokens[next]); c; c = parseComponent(tokens[next])) {
    components.push(c);
    next++;
  }
  if (components.length === 0) throw new Error(`No data format in dictionary line: ${line}`);
  const attributes = tokens.slice(next);
  const stray = attributes.find((a) => !/^[a-z]+(=\S+)?$/.test(a));
  if (stray) throw new Error(`Unreadable attribute "${stray}" in dictionary line: ${line}`);
  return { firstAi: ais[1], lastAi: ais[2] ?? ais[1], flags, components, excludes: excludesOf(attributes), title };
}

function parseComponent(token: string | undefined): DictionaryComponent | undefined {
  const m = componentToken.exec(token ?? '');
  if (!m) return undefined;
  const [, open, cset, length = '', close, linters = ''] = m;
  if (Boolean(open) !== Boolean(close)) throw new Error(`Unbalanced brackets in component ${token}`);
  const variable = length.startsWith('..');
  const maxLength = Number(variable ? length.slice(2) : length);
  return {
    cset: cset as CharacterSet,
    minLength: variable ? 1 : maxLength,
    maxLength,
    optional: Boolean(open),
    linters: linters.split(',').filter((l) => l !== ''),
  };
}

function excludesOf(attributes: readonly string[]): string[] {
  return attributes.filter((a) => a.startsWith('ex=')).flatMap((a) => a.slice(3).split(','));
}
