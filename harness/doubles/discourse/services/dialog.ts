// Double of Discourse's `dialog` service: records what would be shown, and answers
// confirmations with the harness's chosen reply (yes by default).
type ConfirmOptions = {
  message: string;
  didConfirm?: () => unknown;
  didCancel?: () => unknown;
};

export default class DialogDouble {
  alerts: string[] = [];
  confirmations: string[] = [];
  answerConfirmationsWith = true;

  alert(message: string | { message: string }): Promise<void> {
    this.alerts.push(
      typeof message === "string" ? message : String(message.message)
    );
    return Promise.resolve();
  }

  private answer(options: ConfirmOptions): Promise<unknown> {
    this.confirmations.push(options.message);
    return Promise.resolve(
      this.answerConfirmationsWith
        ? options.didConfirm?.()
        : options.didCancel?.()
    );
  }

  confirm(options: ConfirmOptions): Promise<unknown> {
    return this.answer(options);
  }

  yesNoConfirm(options: ConfirmOptions): Promise<unknown> {
    return this.answer(options);
  }

  deleteConfirm(options: ConfirmOptions): Promise<unknown> {
    return this.answer(options);
  }
}
