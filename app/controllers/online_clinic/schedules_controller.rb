# frozen_string_literal: true

module ::OnlineClinic
  class SchedulesController < SessionsBaseController
    def create
      run_session_service(
        OnlineClinic::Schedule::Create,
        {
          clinic_id: params[:id],
          local_start: params[:local_start],
          time_zone: params[:time_zone],
          length_minutes: params[:length_minutes],
          recurrence: params[:recurrence].presence || "none",
          count: params[:count].presence,
        },
      ) { |clinic:| render_upcoming(clinic) }
    end

    def destroy
      run_session_service(
        OnlineClinic::Schedule::Destroy,
        { schedule_id: params[:id] },
      ) { |clinic:| render_upcoming(clinic) }
    end
  end
end
