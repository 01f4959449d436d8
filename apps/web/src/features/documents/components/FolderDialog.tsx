import { Checkbox, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_FOLDER_NAME_MAX, type DocumentFolder, type DocumentFolderOption } from '@maillage/contracts';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { documentsApi } from '../api/documents.api';
import { useFolderOptions } from '../hooks/useDocuments';

interface FolderDialogProps {
  networkId: string;
  /** Where a new folder goes (null: the root). */
  parentId: string | null;
  /** The folder to rename; a new folder otherwise. */
  folder: DocumentFolder | null;
  opened: boolean;
  /** Only the managers may restrict a folder to the animators. */
  canRestrict: boolean;
  onClose: () => void;
  onSaved: (folder: DocumentFolder) => void;
}

/** The folders a folder may move into: any but itself and those below it. */
function moveTargets(options: DocumentFolderOption[], folderId: string): DocumentFolderOption[] {
  const excluded = new Set([folderId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const option of options) {
      if (option.parentId && excluded.has(option.parentId) && !excluded.has(option.id)) {
        excluded.add(option.id);
        grew = true;
      }
    }
  }
  return options.filter((option) => !excluded.has(option.id));
}

/** Creates or edits a folder; the managers may move it and keep it for the animators. */
export function FolderDialog({ networkId, parentId, folder, opened, canRestrict, onClose, onSaved }: FolderDialogProps) {
  const { t } = useTranslation();
  const options = useFolderOptions(networkId);
  const form = useForm({
    initialValues: { name: folder?.name ?? '', animatorsOnly: folder?.animatorsOnly ?? false, parentId: folder?.parentId ?? '' },
    validate: { name: rules.required(t) },
  });
  const submit = useFormSubmit(form, async (values) => {
    const body = { name: values.name.trim(), ...(canRestrict ? { animatorsOnly: values.animatorsOnly } : {}) };
    const moved = folder && (values.parentId || null) !== folder.parentId ? { parentId: values.parentId || null } : {};
    const saved = folder
      ? await documentsApi.updateFolder(folder.id, { ...body, ...moved })
      : await documentsApi.createFolder(networkId, { ...body, parentId });
    notify.success(folder ? t('documents.folders.renamed') : t('documents.folders.created'));
    form.reset();
    onSaved(saved);
  });
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={folder ? t('documents.folders.renameTitle', { name: folder.name }) : t('documents.folders.newTitle')}
    >
      <form onSubmit={submit.onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('documents.folders.name')}
            required
            maxLength={DOCUMENT_FOLDER_NAME_MAX}
            data-autofocus
            {...form.getInputProps('name')}
          />
          {folder && canRestrict ? (
            <Select
              label={t('documents.folders.parent')}
              data={[
                { value: '', label: t('documents.root') },
                ...moveTargets(options.data ?? [], folder.id).map((f) => ({ value: f.id, label: f.path })),
              ]}
              searchable
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('parentId')}
            />
          ) : null}
          {canRestrict ? (
            <Checkbox
              label={t('documents.folders.animatorsOnly')}
              description={t('documents.folders.animatorsOnlyHint')}
              {...form.getInputProps('animatorsOnly', { type: 'checkbox' })}
            />
          ) : null}
          <ErrorAlert error={submit.error} />
          <FormActions submitting={submit.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
