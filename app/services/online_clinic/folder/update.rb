# frozen_string_literal: true

# Renames a folder and/or hides or shows it. Hiding keeps its items; the last visible folder of
# a clinic cannot be hidden, so a clinic's folders never all disappear.
class OnlineClinic::Folder::Update
  include Service::Base
  include OnlineClinic::FolderServiceSteps

  params do
    attribute :folder_id, :integer
    # Nil when not sent: that part stays as it is.
    attribute :name, :string
    attribute :hidden, :boolean

    validates :folder_id, presence: true
  end

  model :folder
  model :clinic, :fetch_clinic_of_folder
  policy :can_act

  transaction do
    step :lock_clinic
    step :apply
  end

  step :publish_folders_change

  private

  def fetch_folder(params:)
    OnlineClinic::Folder.find_by(id: params.folder_id)
  end

  def apply(folder:, clinic:, params:)
    folder.reload
    if !params.name.nil?
      refusal = name_refusal(params.name, clinic, except_folder_id: folder.id)
      fail!(refusal) if refusal
      folder.name = OnlineClinic::FolderName.normalize(params.name)
    end
    if !params.hidden.nil?
      if params.hidden && !folder.hidden && visible_folders_other_than(folder).none?
        fail!(:last_visible_folder)
      end
      folder.hidden = params.hidden
    end
    folder.save!
  end
end
