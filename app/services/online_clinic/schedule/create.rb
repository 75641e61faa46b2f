# frozen_string_literal: true

# Schedules a one-off or weekly session in the therapist's zone. Refused: a first session in
# the past, one that overlaps a session of this clinic or another clinic of the same therapist,
# an unknown zone, a local time a DST change skips, a length outside 10..180 minutes.
class OnlineClinic::Schedule::Create
  include Service::Base
  include OnlineClinic::SessionServiceSteps

  ACTION = :schedule

  params do
    attribute :clinic_id, :integer
    attribute :local_start, :string
    attribute :time_zone, :string
    attribute :length_minutes, :integer
    attribute :recurrence, :string, default: "none"
    attribute :count, :integer

    validates :clinic_id, :local_start, :time_zone, :length_minutes, presence: true
    validates :recurrence, inclusion: { in: OnlineClinic::Schedule::RECURRENCES }
  end

  model :clinic
  policy :can_act

  transaction do
    step :lock_clinic
    step :apply
  end

  step :publish_schedule_change

  private

  def apply(clinic:, params:, guardian:)
    rules =
      OnlineClinic::SessionSchedule.new(
        local_start: params.local_start,
        time_zone: params.time_zone,
        length_minutes: params.length_minutes,
        recurrence: params.recurrence.to_sym,
        count: params.count,
      )
    now = Time.zone.now
    rules.validate!(now: now, existing: existing_occurrences(guardian.user, now))
    schedule =
      OnlineClinic::Schedule.create!(
        clinic_id: clinic.id,
        local_start: params.local_start,
        time_zone: params.time_zone,
        length_minutes: params.length_minutes,
        recurrence: params.recurrence,
        count: params.count,
        created_by_id: guardian.user.id,
      )
    schedule.write_appointments!(now: now)
    context[:schedule] = schedule
  rescue OnlineClinic::SessionSchedule::InvalidSchedule => e
    fail!(e.reason)
  end

  # The therapist's appointments in all their clinics: one person is in one session at a time.
  def existing_occurrences(therapist, now)
    clinic_ids = OnlineClinic::Membership.therapists.where(user_id: therapist.id).select(:clinic_id)
    OnlineClinic::Appointment
      .where(clinic_id: clinic_ids)
      .where("ends_at > ?", now)
      .map(&:occurrence)
  end
end
