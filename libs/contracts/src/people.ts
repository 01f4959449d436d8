// People: a person's public profile (apps/api/src/modules/people).
import type { Locale } from './common';
import type { CompanyRole } from './companies';

/** How a person's role titles are written in French: « animatrice », « animateur » (null: both forms). */
export type TitleForm = 'feminine' | 'masculine';
export const TITLE_FORMS: readonly TitleForm[] = ['feminine', 'masculine'];

export interface PersonProfile {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  titleForm: TitleForm | null;
  bio: string | null;
  skills: string[];
  languages: string[];
  photoUrl: string | null;
  isExpert: boolean;
  expertiseDomains: string[];
  areasServed: string[];
  companies: { id: string; name: string; role: CompanyRole }[];
  /** Shown only when the person's privacy settings let the reader see it (always to themselves). */
  email?: string | null;
  phone?: string | null;
}
export interface UpdateProfileRequest {
  firstName?: string;
  lastName?: string;
  jobTitle?: string | null;
  titleForm?: TitleForm | null;
  bio?: string | null;
  skills?: string[];
  languages?: string[];
  locale?: Locale;
  isExpert?: boolean;
  expertiseDomains?: string[];
  areasServed?: string[];
  phone?: string | null;
}
