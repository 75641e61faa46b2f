# frozen_string_literal: true

module ::OnlineClinic
  class MembersController < BaseController
    def create
      run_clinic_service(
        OnlineClinic::Clinic::AddClient,
        { clinic_id: params[:id], username: params[:username], email: params[:email] },
      )
    end

    def destroy
      run_clinic_service(
        OnlineClinic::Clinic::RemoveClient,
        { clinic_id: params[:id], user_id: params[:user_id] },
      )
    end
  end
end
