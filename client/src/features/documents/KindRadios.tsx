import { documentKinds } from '../../../../shared/contracts/documents';
import { radioId, RadioField } from '../../components/RadioField';
import { kindHints, kindLabels } from './kindWords';

const idBase = 'new-document-kind';
export const kindFieldId = (kind: string) => radioId(idBase, kind);

const kindOptions = documentKinds.map((kind) => ({ value: kind, label: kindLabels[kind], hint: kindHints[kind] }));

/** "What kind of document is it?" as radio buttons, each with a line saying what it is for. */
export function KindRadios({ error }: { error?: string | undefined }) {
  return (
    <RadioField idBase={idBase} name="kind" legend="What kind of document is it?" options={kindOptions} error={error} />
  );
}
