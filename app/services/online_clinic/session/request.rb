# frozen_string_literal: true

# A client asks for a session: the clinic's therapists get a Discourse notification with neutral
# wording (no clinic name, no content). Asking again within REPEAT_WINDOW notifies nobody twice.
class OnlineClinic::Session::Request
  include Service::Base
  include OnlineClinic::SessionServiceSteps

  ACTION = :request
  MAX_MESSAGE_LENGTH = 500
  REPEAT_WINDOW = 15.minutes
  # notifications.data is a varchar(1000), and JSON escaping can make a message several times
  # longer ("<" becomes "\u003c"): the message is cut so that the whole notification fits.
  NOTIFICATION_DATA_LIMIT = 1000

  params do
    attribute :clinic_id, :integer
    attribute :message, :string

    validates :clinic_id, presence: true
    validates :message, length: { maximum: MAX_MESSAGE_LENGTH }
  end

  model :clinic
  policy :can_act
  step :notify_therapists

  private

  def notify_therapists(clinic:, params:, guardian:)
    client = guardian.user
    key = "online_clinic_session_request:#{clinic.id}:#{client.id}"
    return if !Discourse.redis.set(key, "1", ex: REPEAT_WINDOW.to_i, nx: true)

    clinic
      .members_with_role("therapist")
      .each do |therapist|
        text =
          I18n.with_locale(therapist.effective_locale) do
            I18n.t("online_clinic.sessions.request_notification")
          end
        data = {
          message: "online_clinic.notifications.session_requested",
          title: "online_clinic.notifications.session_requested_title",
          display_username: client.username,
          topic_title: text,
          online_clinic_id: clinic.id,
          url: clinic.category.relative_url,
        }
        message = fitting_message(data, params.message.to_s.strip.presence)
        Notification.create!(
          notification_type: Notification.types[:custom],
          user_id: therapist.id,
          data: data.merge(request_message: message).compact.to_json,
        )
      end
  end

  def fitting_message(data, message)
    return if message.nil?
    room = NOTIFICATION_DATA_LIMIT - data.merge(request_message: "").to_json.length
    used = 0
    message.each_char.take_while { |char| (used += char.to_json.length - 2) <= room }.join.presence
  end
end
