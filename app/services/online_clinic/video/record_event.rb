# frozen_string_literal: true

# Records that a member joined or left their clinic's video call (with the session that was
# open, if any) and tells the clinic's members, so the dock can show who is in the call.
class OnlineClinic::Video::RecordEvent
  include Service::Base

  params do
    attribute :clinic_id, :integer
    attribute :event, :string

    validates :clinic_id, presence: true
    validates :event, inclusion: { in: OnlineClinic::VideoEvent::EVENTS }
  end

  model :clinic
  policy :can_act
  step :record
  step :publish_video_change

  private

  def fetch_clinic(params:)
    OnlineClinic::Clinic.includes(:memberships).find_by(id: params.clinic_id)
  end

  # Members only. Nobody joins an archived clinic's call, but a leave is still written down: a
  # call that was running when the clinic was archived must not lose its end.
  def can_act(clinic:, guardian:, params:)
    context[:denial] = if !clinic.member_roles.key?(guardian.user&.id)
      :not_found
    elsif clinic.archived? && params.event == "joined"
      :archived
    end
    context[:denial].nil?
  end

  def record(clinic:, guardian:, params:)
    OnlineClinic::VideoEvent.create!(
      clinic_id: clinic.id,
      user_id: guardian.user.id,
      event: params.event,
      session_id: OnlineClinic::Session.open_sessions.where(clinic_id: clinic.id).pick(:id),
    )
  end

  def publish_video_change(clinic:)
    OnlineClinic::SessionBroadcast.publish(clinic, { type: "video_changed", clinic_id: clinic.id })
  end
end
