/** A refusal that names the fields at fault; the error formatter lists them as `fields`, like a zod failure. */
export class FieldProblems extends Error {
  constructor(readonly problems: readonly { readonly path: string; readonly message: string }[]) {
    super(problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}
