import { Footnote } from '../../../shared/editor/footnote';

/** Asks the page to open the footnote dialog (for the selected footnote, or a new one at the caret). */
export const footnoteDialogEvent = 'chorus-footnote-dialog';

const askForDialog = (from: Element) => from.dispatchEvent(new CustomEvent(footnoteDialogEvent, { bubbles: true }));

/**
 * The shared `footnote` node as the editor draws it: a superscript number (a CSS counter, so the numbers are
 * always in order, however people add and remove notes) on a button named by the note's words; pressing it
 * selects the note and opens the dialog to change it. Control+Alt+F (Word's shortcut) adds a footnote.
 */
export const FootnoteInEditor = Footnote.extend({
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-f': () => {
        askForDialog(this.editor.view.dom);
        return true;
      },
    };
  },
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const dom = document.createElement('sup');
      dom.className = 'footnote';
      dom.contentEditable = 'false';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'footnote__mark';
      const label = (text: unknown) => button.setAttribute('aria-label', `Footnote: ${String(text ?? '')}`);
      label(node.attrs.text);
      button.addEventListener('click', () => {
        const pos = typeof getPos === 'function' ? getPos() : undefined;
        if (typeof pos === 'number') editor.commands.setNodeSelection(pos);
        askForDialog(dom);
      });
      dom.append(button);
      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== node.type.name) return false;
          label(updated.attrs.text);
          return true;
        },
        // The button's clicks are its own; ProseMirror should not treat them as clicks in the text.
        stopEvent: (event) => event.target === button && event.type !== 'dragstart',
        ignoreMutation: () => true,
      };
    };
  },
});
