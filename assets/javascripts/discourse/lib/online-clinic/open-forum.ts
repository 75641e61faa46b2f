// Whether a therapist gets "Open a clinic for @user" on a topic: an enquiry in the open
// forum category, written by someone else. The server checks again when the clinic is made.
export interface OpenForumTopic {
  id: number;
  category_id: number | null | undefined;
  creatorUsername: string | null | undefined;
}

export function openForumCategoryId(setting: unknown): number | null {
  const id = Number.parseInt(String(setting ?? ""), 10);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function canOfferClinic(
  topic: OpenForumTopic,
  openForumSetting: unknown,
  viewer: { username: string; canOpenClinic: boolean } | null
): boolean {
  const categoryId = openForumCategoryId(openForumSetting);
  if (!viewer || !viewer.canOpenClinic || categoryId === null) {
    return false;
  }
  if (topic.category_id !== categoryId || !topic.creatorUsername) {
    return false;
  }
  return topic.creatorUsername.toLowerCase() !== viewer.username.toLowerCase();
}
