# frozen_string_literal: true

# Removes a schedule with all its appointments (one-off or the whole weekly series). Sessions
# that took place are records of their own and stay.
class OnlineClinic::Schedule::Destroy
  include Service::Base
  include OnlineClinic::SessionServiceSteps

  ACTION = :schedule

  params do
    attribute :schedule_id, :integer

    validates :schedule_id, presence: true
  end

  model :schedule
  model :clinic
  policy :can_act

  transaction do
    step :lock_clinic
    step :remove_schedule
  end

  step :publish_schedule_change

  private

  def fetch_schedule(params:)
    OnlineClinic::Schedule.find_by(id: params.schedule_id)
  end

  def fetch_clinic(schedule:)
    OnlineClinic::Clinic.includes(:category, memberships: :user).find_by(id: schedule.clinic_id)
  end

  def remove_schedule(schedule:)
    OnlineClinic::SentReminder.where(appointment_id: schedule.appointments.select(:id)).delete_all
    schedule.destroy!
  end
end
