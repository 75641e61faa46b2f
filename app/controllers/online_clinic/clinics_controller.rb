# frozen_string_literal: true

module ::OnlineClinic
  class ClinicsController < BaseController
    def index
      clinics =
        clinic_scope
          .joins(:memberships)
          .where(online_clinic_memberships: { user_id: current_user.id })
          .order(created_at: :desc)
          .to_a
      activity = OnlineClinic::ClinicActivity.new(clinics, current_user)
      render json: {
               clinics:
                 clinics.map do |clinic|
                   OnlineClinic::ClinicSummarySerializer.new(
                     clinic,
                     scope: guardian,
                     root: false,
                     activity: activity,
                   ).as_json
                 end,
               can_create:
                 OnlineClinic::ClinicPolicy.can_create_clinic?(
                   OnlineClinic::ClinicAccess.actor_for(current_user),
                 ),
             }
    end

    def show
      render_clinic(find_visible_clinic!(clinic_scope.find_by(id: params[:id])))
    end

    def by_category
      render_clinic(find_visible_clinic!(clinic_scope.find_by(category_id: params[:category_id])))
    end

    def create
      run_clinic_service(
        OnlineClinic::Clinic::Create,
        {
          name: params[:name],
          kind: params[:kind].presence || "individual",
          usernames: Array(params[:usernames]),
          emails: Array(params[:emails]),
          request_id: params[:request_id],
          source_topic_id: params[:source_topic_id],
        },
      )
    end

    def update
      run_clinic_service(
        OnlineClinic::Clinic::Rename,
        { clinic_id: params[:id], name: params[:name] },
      )
    end

    def archive
      run_clinic_service(OnlineClinic::Clinic::Archive, { clinic_id: params[:id] })
    end

    def reopen
      run_clinic_service(OnlineClinic::Clinic::Reopen, { clinic_id: params[:id] })
    end
  end
end
