import type { Editor } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import { useState, type FormEvent } from 'react';
import { documentImageRules } from '../../../shared/contracts/documentImages';
import { documentImageName, type DocumentImageAttributes } from '../../../shared/editor/documentImage';
import { toApiError } from '../api/ApiError';
import { Button } from '../components/Button';
import { Checkbox } from '../components/Checkbox';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { FileField } from '../components/FileField';
import { StatusMessage } from '../components/StatusMessage';
import { TextField } from '../components/TextField';
import { uploadDocumentImage } from './documentImagesApi';
import { imageChoiceProblems, imageFieldIds, type ImageProblems } from './imageChoice';
import { useEditorDialog } from './useEditorDialog';

/** The image the text has selected, if any: its description is what "Change image description" edits. */
export function selectedImage(editor: Editor): DocumentImageAttributes | null {
  const { selection } = editor.state;
  return selection instanceof NodeSelection && selection.node.type.name === documentImageName
    ? (selection.node.attrs as DocumentImageAttributes)
    : null;
}

/**
 * "Add an image": a file, and what it shows (or that it is only decoration), in one dialog. The image is sent, then
 * placed where the caret was; nothing is inserted until the server has kept it. With an image selected, the same
 * dialog changes its description instead.
 */
export function ImageDialog({ editor, documentId, onClose }: { editor: Editor; documentId: string; onClose(): void }) {
  const { dialog, finish } = useEditorDialog(editor, onClose);
  const [existing] = useState(() => selectedImage(editor));
  const [decorative, setDecorative] = useState(existing?.decorative ?? false);
  const [problems, setProblems] = useState<ImageProblems & { other?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const chosen = data.get('image');
    const file = chosen instanceof File && chosen.size > 0 ? chosen : null;
    const alt = String(data.get('alt') ?? '').trim();
    const found = imageChoiceProblems({ file, needsFile: !existing, alt, decorative });
    setProblems(found);
    if (found.file || found.alt) return;
    if (existing) {
      editor
        .chain()
        .focus()
        .updateAttributes(documentImageName, { alt: decorative ? '' : alt, decorative })
        .run();
      onClose();
      return;
    }
    setBusy(true);
    try {
      const kept = await uploadDocumentImage(documentId, file!, { alt, decorative });
      const attrs: DocumentImageAttributes = {
        imageId: kept.imageId,
        src: kept.url,
        alt: decorative ? '' : alt,
        decorative,
        width: kept.width,
        height: kept.height,
      };
      editor.chain().focus().insertContent({ type: documentImageName, attrs }).run();
      onClose();
    } catch (e) {
      const error = toApiError(e);
      const onFile = ['unsupported_media_type', 'payload_too_large'].includes(error.code);
      const onAlt = error.fields.find((f) => f.path === 'alt')?.message;
      setProblems(onFile ? { file: error.message } : onAlt ? { alt: onAlt } : { other: error.message });
      setBusy(false);
    }
  };

  const summary: SummaryItem[] = [
    ...(problems.file ? [{ message: problems.file, fieldId: imageFieldIds.file }] : []),
    ...(problems.alt ? [{ message: problems.alt, fieldId: imageFieldIds.alt }] : []),
    ...(problems.other ? [{ message: problems.other }] : []),
  ];
  const title = existing ? 'Change the image description' : 'Add an image';

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="image-dialog-title" onCancel={finish}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="heading-m" id="image-dialog-title">
          {title}
        </h2>
        <ErrorSummary items={summary} />
        {existing ? null : (
          <FileField
            id={imageFieldIds.file}
            name="image"
            label="Image"
            hint={`A ${documentImageRules.typeNames} file, up to 10 MB.`}
            accept={documentImageRules.types.join(',')}
            error={problems.file}
          />
        )}
        <TextField
          id={imageFieldIds.alt}
          name="alt"
          label="Describe the image"
          hint="Say what it shows for people who cannot see it, for example: Four carers talking around a kitchen table."
          defaultValue={existing?.alt ?? ''}
          error={decorative ? undefined : problems.alt}
          disabled={decorative}
          maxLength={documentImageRules.maxAltLength}
        />
        <Checkbox
          id={imageFieldIds.decorative}
          name="decorative"
          label="This image is only decoration (it shows nothing a reader needs)"
          checked={decorative}
          onChange={(e) => setDecorative(e.currentTarget.checked)}
        />
        <StatusMessage>{busy ? 'Sending the image…' : ''}</StatusMessage>
        <div className="button-group">
          <Button type="submit" busy={busy}>
            {existing ? 'Save description' : 'Add image'}
          </Button>
          <Button variant="secondary" onClick={finish}>
            Cancel
          </Button>
        </div>
      </form>
    </dialog>
  );
}
