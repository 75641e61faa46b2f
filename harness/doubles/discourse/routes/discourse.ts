// Double of `discourse/routes/discourse`: an Ember route with Discourse's extra members.
import Route from "@ember/routing/route";

export default class DiscourseRoute extends Route<any> {
  currentUser: any;

  override willTransition(): void {}

  refreshTitle(): void {}

  isCurrentUser(user: any): boolean {
    return Boolean(user) && user?.id === this.currentUser?.id;
  }

  _refreshTitleOnce(): void {}

  _collectTitleTokens(_tokens: any): boolean {
    return false;
  }
}
