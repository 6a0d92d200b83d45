import { alumnusProfile } from './documents/alumnusProfile.ts'
import { article } from './documents/article.ts'
import { chapter } from './documents/chapter.ts'
import { chapterReport } from './documents/chapterReport.ts'
import { college } from './documents/college.ts'
import { donationProject } from './documents/donationProject.ts'
import { donationStory } from './documents/donationStory.ts'
import { event } from './documents/event.ts'
import { newsletterIssue } from './documents/newsletterIssue.ts'
import { person } from './documents/person.ts'
import { alumnusContact } from './objects/alumnusContact.ts'
import { contactChannel } from './objects/contactChannel.ts'
import { donor } from './objects/donor.ts'
import { imageWithAlt } from './objects/imageWithAlt.ts'
import { newsletterSection } from './objects/newsletterSection.ts'
import { portableText } from './objects/portableText.ts'
import { publicContact } from './objects/publicContact.ts'
import { siteSettings } from './singletons/siteSettings.ts'

export { SITE_SETTINGS_ID } from './singletons/siteSettings.ts'

export const schemaTypes = [
  // Singletons
  siteSettings,
  // Documents
  article,
  alumnusProfile,
  donationProject,
  donationStory,
  chapterReport,
  event,
  newsletterIssue,
  college,
  chapter,
  person,
  // Objects
  imageWithAlt,
  portableText,
  publicContact,
  contactChannel,
  alumnusContact,
  donor,
  newsletterSection,
]

/** Types that are singletons: one fixed document each, never created from the “new document” menu. */
export const singletonTypes: ReadonlySet<string> = new Set([siteSettings.name])
