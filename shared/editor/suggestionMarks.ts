import { Mark, mergeAttributes, type Attribute } from '@tiptap/core';
import { deletion, insertion, modification } from '@handlewithcare/prosemirror-suggest-changes';
import type { AttributeSpec, MarkSpec } from '@tiptap/pm/model';

/** The marks of suggested changes, named as `@handlewithcare/prosemirror-suggest-changes` names them. */
export const suggestionMarkNames = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionMarkName = (typeof suggestionMarkNames)[number];

export const isSuggestionMarkName = (name: string): name is SuggestionMarkName =>
  (suggestionMarkNames as readonly string[]).includes(name);

/** The library's attribute specs as Tiptap attributes: same names, same defaults, same validation. */
function attributesOf(spec: MarkSpec): Record<string, Partial<Attribute>> {
  const attrs = (spec.attrs ?? {}) as Record<string, AttributeSpec>;
  return Object.fromEntries(
    Object.entries(attrs).map(([name, attr]) => [
      name,
      {
        // No default in the library means required (a suggestion always has an id).
        ...('default' in attr ? { default: attr.default as unknown } : { isRequired: true }),
        ...(attr.validate ? { validate: attr.validate } : {}),
        // The library draws its own DOM (`toDOM` below); Tiptap must not add attributes of its own.
        rendered: false,
      },
    ]),
  );
}

/**
 * A Tiptap mark made from the library's own MarkSpec, so the schema has exactly its attributes (`id`, and
 * `type`, `attrName`, `previousValue`, `newValue` on modifications), its exclusions and its DOM.
 */
function suggestionMark(name: SuggestionMarkName, spec: MarkSpec) {
  return Mark.create({
    name,
    inclusive: spec.inclusive ?? false,
    excludes: spec.excludes,
    addAttributes: () => attributesOf(spec),
    parseHTML: () => spec.parseDOM ?? [],
    renderHTML({ mark, HTMLAttributes }) {
      const out = spec.toDOM!(mark, true) as [string, Record<string, string>, 0];
      return [out[0], mergeAttributes(out[1], HTMLAttributes, { class: `suggestion-${name}` }), 0];
    },
  });
}

/** A suggested insertion: the words are in the text, shown as suggested until accepted or rejected. */
export const InsertionMark = suggestionMark('insertion', insertion);
/** A suggested deletion: the words stay in the text, struck through, until accepted (removed) or rejected. */
export const DeletionMark = suggestionMark('deletion', deletion);
/** A suggested change of a node's attribute, mark or type, keeping the previous value to revert to. */
export const ModificationMark = suggestionMark('modification', modification);
