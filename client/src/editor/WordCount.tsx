import { useEditorState, type Editor } from '@tiptap/react';

const countWords = (text: string) => text.match(/[^\s—–-]+/g)?.length ?? 0;

export function WordCount({ editor }: { editor: Editor }) {
  const words = useEditorState({
    editor,
    selector: ({ editor: e }) => countWords(e.state.doc.textBetween(0, e.state.doc.content.size, ' ', ' ')),
  });
  return (
    <p className="word-count">
      {words.toLocaleString('en-GB')} {words === 1 ? 'word' : 'words'}
    </p>
  );
}
