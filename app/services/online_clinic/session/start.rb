# frozen_string_literal: true

# Starts a session now. A written session gets its own topic in the clinic ("Session 12 —
# 4 December 2026") or continues a topic of the clinic the therapist picked. The same
# request_id twice gives back the same session; a second start while one is open is refused.
class OnlineClinic::Session::Start
  include Service::Base
  include OnlineClinic::SessionServiceSteps

  ACTION = :start

  params do
    attribute :clinic_id, :integer
    attribute :mode, :string
    attribute :planned_minutes, :integer
    attribute :topic_id, :integer
    attribute :request_id, :string

    validates :clinic_id, :request_id, presence: true
    validates :request_id, length: { maximum: 100 }
    validates :mode, inclusion: { in: OnlineClinic::Session::MODES }
  end

  model :clinic
  policy :can_act
  policy :topic_in_clinic

  transaction do
    step :lock_clinic
    model :session, :find_repeated_request, optional: true
    step :apply
    step :audit_start
  end

  step :publish_session_change

  private

  # A picked topic must belong to this clinic; anything else is answered as not found.
  def topic_in_clinic(clinic:, params:)
    context[:picked_topic] = nil
    return true if params.topic_id.blank? || params.mode != "written"
    context[:picked_topic] = Topic.find_by(id: params.topic_id, category_id: clinic.category_id)
    context[:picked_topic].present?
  end

  def find_repeated_request(clinic:, params:)
    OnlineClinic::Session.find_by(clinic_id: clinic.id, request_id: params.request_id)
  end

  def apply(clinic:, params:, guardian:, session:, picked_topic:)
    return if session # a repeated request: the session it started

    state =
      OnlineClinic::SessionState.scheduled(
        planned_minutes: params.planned_minutes || SiteSetting.online_clinic_session_minutes,
      )
    fail!(:already_running) if OnlineClinic::Session.open_sessions.exists?(clinic_id: clinic.id)

    number = OnlineClinic::Session.next_number(clinic.id)
    started = state.start(now: now_ms)
    # The topic comes first: no session is open yet, so its opening post is not counted.
    topic_id =
      params.mode == "written" ? (picked_topic || create_topic(clinic, guardian, number)).id : nil
    session =
      OnlineClinic::Session.new(
        clinic_id: clinic.id,
        number: number,
        mode: params.mode,
        request_id: params.request_id,
        topic_id: topic_id,
        started_by_id: guardian.user.id,
      )
    session.assign_session_state(started)
    session.save!
    context[:session] = session
    context[:started] = true
  rescue OnlineClinic::SessionState::TransitionError => e
    fail!(e.reason)
  end

  def audit_start(clinic:, session:, guardian:)
    return if !context[:started]
    OnlineClinic::AuditEntry.append!(
      clinic,
      action: :session_started,
      actor_id: guardian.user.id,
      details: {
        number: session.number,
        mode: session.mode,
      },
    )
  end

  def create_topic(clinic, guardian, number)
    therapist = guardian.user
    zone = OnlineClinic::SessionCalendar.time_zone(clinic, therapist)
    title = OnlineClinic::SessionCalendar.topic_title(number, Time.zone.now, therapist, zone)
    body =
      I18n.with_locale(therapist.effective_locale) { I18n.t("online_clinic.sessions.topic_body") }
    post =
      PostCreator.create!(
        therapist,
        title: title,
        raw: body,
        category: clinic.category_id,
        skip_validations: true,
      )
    post.topic
  end
end
