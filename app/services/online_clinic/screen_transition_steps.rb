# frozen_string_literal: true

module ::OnlineClinic
  # The shape of every shared-screen action (docs/screen.md): members only, a rate limit, then
  # under the clinic's screen row lock the pure OnlineClinic::ScreenState decides; a changed state
  # (a timed-out lead released by a refused action included) is stored, the shown item recorded
  # for the timeline, and the state published to the clinic's group. A refusal then fails the
  # step :check_outcome with the pure rule's error. A service includes this and defines
  # WRITES (whether an archived clinic refuses it), RATE_LIMIT ([name, per minute] or nil) and
  # #transition(state, actor, now_ms).
  module ScreenTransitionSteps
    extend ActiveSupport::Concern
    include OnlineClinic::ClinicLookup

    included do
      model :clinic
      policy :can_act
      step :limit_rate
      policy :item_in_clinic

      transaction do
        step :lock_screen
        step :apply
        step :record_show
      end

      step :publish_screen
      step :check_outcome
    end

    private

    # Members only, exactly as for a clinic that does not exist (admins included: the screen is
    # no oversight surface). An archived clinic can be looked at, not changed.
    def can_act(clinic:, guardian:)
      context[:denial] = if !clinic.member_roles.key?(guardian.user&.id)
        :not_found
      elsif self.class::WRITES && clinic.archived?
        :archived
      end
      context[:denial].nil?
    end

    # Per member and clinic; staff too, since the limit protects the other members' screens.
    def limit_rate(clinic:, guardian:)
      name, per_minute = self.class::RATE_LIMIT
      return if name.nil?

      RateLimiter.new(
        guardian.user,
        "online-clinic-#{name}-#{clinic.id}",
        per_minute,
        1.minute,
        apply_limit_to_staff: true,
      ).performed!
    end

    # Only Update names an item; its own #item_in_clinic checks it.
    def item_in_clinic
      true
    end

    def lock_screen(clinic:)
      context[:record] = OnlineClinic::ScreenStateRecord.lock_for!(clinic.id)
    end

    def apply(record:, clinic:, guardian:)
      user = guardian.user
      actor =
        OnlineClinic::ScreenState::Actor.new(
          id: user.id,
          therapist: clinic.member_roles[user.id] == :therapist,
        )
      before = record.state
      outcome = transition(before, actor, OnlineClinic::SessionState.to_ms(Time.now))
      context[:outcome] = outcome
      context[:screen_state] = outcome.state
      context[:shown_item] = nil
      return if !outcome.changed

      record.update!(state: outcome.state)
      context[:shown_item] = OnlineClinic::ScreenState.shown_item_event(before, outcome.state)
    end

    def record_show(clinic:, shown_item:)
      OnlineClinic::ScreenShow.record!(clinic: clinic, event: shown_item) if shown_item
    end

    def publish_screen(clinic:, outcome:)
      return if !outcome.changed

      OnlineClinic::SessionBroadcast.publish(
        clinic,
        {
          type: "screen_state",
          clinic_id: clinic.id,
          state: OnlineClinic::ScreenStateSerializer.serialize(outcome.state, clinic.id),
        },
      )
    end

    def check_outcome(outcome:)
      fail!(outcome.error) if !outcome.ok?
    end
  end
end
