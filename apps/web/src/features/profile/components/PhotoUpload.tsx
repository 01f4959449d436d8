import { useTranslation } from 'react-i18next';
import type { PersonProfile } from '@maillage/contracts';
import { ImageDropzone } from '../../../components/ImageDropzone';
import { fullName, initials } from '../../../lib/format';
import { profileApi } from '../api/profile.api';
import { useProfileMutation } from '../hooks/useProfile';

export function PhotoUpload({ profile }: { profile: PersonProfile }) {
  const { t } = useTranslation();
  const upload = useProfileMutation(profileApi.uploadPhoto);
  const remove = useProfileMutation(profileApi.removePhoto);
  return (
    <ImageDropzone
      label={t('profile.photo')}
      imageUrl={profile.photoUrl}
      fallback={initials(fullName(profile))}
      round
      chooseLabel={t('profile.choosePhoto')}
      removeLabel={t('profile.removePhoto')}
      onUpload={(file) => upload.mutateAsync(file)}
      onRemove={() => remove.mutateAsync(undefined)}
    />
  );
}
