import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { editorContentId } from './useCoWritingEditor';

interface Tool {
  label: string;
  /** Only for tools that switch something on and off. */
  pressed?: boolean;
  shortcut?: string;
  run(): void;
  /** Starts a new group (a small gap before it). */
  group?: boolean;
}

function useActive(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive('heading', { level: 2 }),
      subheading: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      image: e.isActive('image'),
    }),
  });
}

/**
 * The formatting buttons: one Tab stop, arrow keys move between buttons (Home and End jump to the
 * ends), Escape goes back to the text. Alt+F10 in the text comes here.
 */
export function Toolbar({
  editor,
  onLink,
  onFootnote,
  onImage,
}: {
  editor: Editor;
  onLink(): void;
  /** Left out while suggesting: footnotes are added only while editing. */
  onFootnote?: () => void;
  /** Opens the image dialog; absent while suggesting (an image cannot be a suggestion). */
  onImage?: () => void;
}) {
  const active = useActive(editor);
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const chain = () => editor.chain().focus();

  const tools: Tool[] = [
    { label: 'Heading', pressed: active.heading, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: 'Subheading', pressed: active.subheading, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: 'Bold', pressed: active.bold, shortcut: 'Control+B', run: () => chain().toggleBold().run(), group: true },
    { label: 'Italic', pressed: active.italic, shortcut: 'Control+I', run: () => chain().toggleItalic().run() },
    { label: 'Bullet list', pressed: active.bullets, run: () => chain().toggleBulletList().run(), group: true },
    { label: 'Numbered list', pressed: active.numbers, run: () => chain().toggleOrderedList().run() },
    { label: 'Quote', pressed: active.quote, run: () => chain().toggleBlockquote().run() },
    { label: 'Link', pressed: active.link, run: onLink, group: true },
    ...(onFootnote ? [{ label: 'Add a footnote', shortcut: 'Control+Alt+F', run: onFootnote }] : []),
    ...(active.table
      ? [
          { label: 'Add row', run: () => chain().addRowAfter().run(), group: true },
          { label: 'Add column', run: () => chain().addColumnAfter().run() },
          { label: 'Remove table', run: () => chain().deleteTable().run() },
        ]
      : [
          {
            label: 'Insert table',
            run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
            group: true,
          },
        ]),
    ...(onImage
      ? [{ label: active.image ? 'Change image description' : 'Add an image', run: onImage, group: true }]
      : []),
  ];
  const focusable = Math.min(current, tools.length - 1);

  const move = (to: number) => {
    const next = (to + tools.length) % tools.length;
    setCurrent(next);
    buttons.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(focusable + 1),
      ArrowLeft: () => move(focusable - 1),
      Home: () => move(0),
      End: () => move(tools.length - 1),
      Escape: () => editor.commands.focus(),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-controls={editorContentId}
      onKeyDown={onKeyDown}
    >
      {tools.map((tool, i) => (
        <button
          key={tool.label}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          className={tool.group ? 'toolbar__button toolbar__button--group' : 'toolbar__button'}
          tabIndex={i === focusable ? 0 : -1}
          aria-pressed={tool.pressed}
          aria-keyshortcuts={tool.shortcut}
          // Keep the text's selection while pressing with a mouse; keyboard presses come through onClick.
          onMouseDown={(e) => e.preventDefault()}
          onFocus={() => setCurrent(i)}
          onClick={tool.run}
        >
          {tool.label}
        </button>
      ))}
    </div>
  );
}
