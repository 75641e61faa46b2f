# frozen_string_literal: true

module ::OnlineClinic
  # Steps shared by the folder services. Like the session services, each names its policy
  # :can_act; a refusal fails the step :apply with an error symbol that the controller
  # translates (online_clinic.errors.<symbol>).
  module FolderServiceSteps
    include OnlineClinic::ClinicLookup

    # Changing folders is part of working in the clinic: every member may do it while the clinic
    # is open; an archived clinic is a closed file.
    ACTION = :post

    private

    def fetch_clinic_of_folder(folder:)
      OnlineClinic::Clinic.includes(:category, memberships: :user).find_by(id: folder.clinic_id)
    end

    def can_act(clinic:, guardian:)
      context[:denial] = OnlineClinic::ClinicAccess.policy(guardian.user, clinic).denial(ACTION)
      context[:denial].nil?
    end

    # Every change of a clinic's folders runs under the clinic's row lock, so two tabs are
    # served one after the other (no two folders of the same name, never zero visible ones).
    def lock_clinic(clinic:)
      clinic.lock!
    end

    def ensure_default_folders(clinic:)
      OnlineClinic::Folder.ensure_defaults!(clinic)
    end

    def publish_folders_change(clinic:)
      OnlineClinic::Folder.publish_changed!(clinic)
    end

    # Nil, or the first error of the name (online_clinic.errors.<symbol>). A name is taken when
    # another folder of the clinic shows the same name, default folders in the requester's
    # language included.
    def name_refusal(name, clinic, except_folder_id: nil)
      error = OnlineClinic::FolderName.errors(name).first
      return :"folder_name_#{error}" if error

      others = OnlineClinic::Folder.where(clinic_id: clinic.id).where.not(id: except_folder_id)
      :folder_name_taken if others.any? { |f| OnlineClinic::FolderName.same?(f.display_name, name) }
    end

    def visible_folders_other_than(folder)
      OnlineClinic::Folder
        .where(clinic_id: folder.clinic_id, hidden: false)
        .where.not(id: folder.id)
    end
  end
end
