import {
  Button,
  Collapse,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
  type TagsInputProps,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { PersonProfile, TitleForm, UpdateProfileRequest } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { emptyToNull, rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { profileApi } from '../api/profile.api';
import { useProfileMutation } from '../hooks/useProfile';

const TAGS: Partial<TagsInputProps> = { maxTags: 30, splitChars: [',', ';'], clearable: false };

/** Name, job, bio, skills, languages and the expert profile. */
export function ProfileForm({ profile }: { profile: PersonProfile }) {
  const { t } = useTranslation();
  const save = useProfileMutation((body: UpdateProfileRequest) => profileApi.update(body));
  const form = useForm({
    initialValues: {
      firstName: profile.firstName,
      lastName: profile.lastName,
      jobTitle: profile.jobTitle ?? '',
      phone: profile.phone ?? '',
      titleForm: profile.titleForm ?? '',
      bio: profile.bio ?? '',
      skills: profile.skills,
      languages: profile.languages,
      isExpert: profile.isExpert,
      expertiseDomains: profile.expertiseDomains,
      areasServed: profile.areasServed,
    },
    validate: { firstName: rules.required(t), lastName: rules.required(t) },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const saved = await save.mutateAsync({
      ...values,
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      jobTitle: emptyToNull(values.jobTitle),
      phone: emptyToNull(values.phone),
      titleForm: (values.titleForm || null) as TitleForm | null,
      bio: emptyToNull(values.bio),
    });
    form.resetDirty();
    notify.success(t('profile.saved', { name: saved.firstName }));
  });
  const tagHint = t('profile.tagsHint');

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.firstName')}
            autoComplete="given-name"
            required
            maxLength={100}
            {...form.getInputProps('firstName')}
          />
          <TextInput label={t('fields.lastName')} autoComplete="family-name" required maxLength={100} {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <TextInput label={t('fields.jobTitle')} autoComplete="organization-title" maxLength={150} {...form.getInputProps('jobTitle')} />
        <TextInput
          label={t('fields.phone')}
          type="tel"
          autoComplete="tel"
          maxLength={30}
          description={t('privacy.phoneHint')}
          {...form.getInputProps('phone')}
        />
        <Radio.Group label={t('profile.titleForm.label')} description={t('profile.titleForm.hint')} {...form.getInputProps('titleForm')}>
          <Group gap="md" mt={6}>
            <Radio value="feminine" label={t('profile.titleForm.feminine')} />
            <Radio value="masculine" label={t('profile.titleForm.masculine')} />
            <Radio value="" label={t('profile.titleForm.none')} />
          </Group>
        </Radio.Group>
        <Textarea label={t('fields.bio')} autosize minRows={3} maxRows={10} maxLength={2000} {...form.getInputProps('bio')} />
        <TagsInput label={t('fields.skills')} description={tagHint} {...TAGS} {...form.getInputProps('skills')} />
        <TagsInput label={t('fields.languages')} description={tagHint} {...TAGS} {...form.getInputProps('languages')} />
        <Switch
          label={t('fields.isExpert')}
          description={t('profile.expertHint')}
          {...form.getInputProps('isExpert', { type: 'checkbox' })}
        />
        <Collapse expanded={form.getValues().isExpert}>
          <Stack gap="md">
            <TagsInput label={t('fields.expertiseDomains')} description={tagHint} {...TAGS} {...form.getInputProps('expertiseDomains')} />
            <TagsInput label={t('fields.areasServed')} description={tagHint} {...TAGS} {...form.getInputProps('areasServed')} />
          </Stack>
        </Collapse>
        <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
