# frozen_string_literal: true

module ::OnlineClinic
  # A folder of a clinic (docs/contract.md, "## Folders"). The five default folders have a key
  # and no name until a member renames them, so each member reads them in their own language.
  class Folder < ActiveRecord::Base
    self.table_name = "online_clinic_folders"

    DEFAULT_KEYS = %w[documents letters poems videos links].freeze

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    has_many :items, class_name: "OnlineClinic::FolderItem", dependent: :delete_all

    validates :key, inclusion: { in: DEFAULT_KEYS }, allow_nil: true
    validates :key, presence: true, if: -> { name.nil? }

    scope :ordered, -> { order(:position, :id) }

    # A clinic gets its default folders the first time anyone asks for its folders. Only a
    # clinic with no folder at all is seeded (one always keeps a visible folder, so defaults
    # never come back after being deleted); two first visits at once insert them once, as the
    # unique (clinic_id, key) index makes insert_all skip the repeat (ON CONFLICT DO NOTHING).
    def self.ensure_defaults!(clinic)
      return if where(clinic_id: clinic.id).exists?
      now = Time.zone.now
      rows =
        DEFAULT_KEYS.each_with_index.map do |key, position|
          {
            clinic_id: clinic.id,
            key: key,
            position: position,
            hidden: false,
            created_at: now,
            updated_at: now,
          }
        end
      insert_all(rows)
    end

    # { folder_id => number of live items } (FolderItem.live_in).
    def self.item_counts(clinic)
      OnlineClinic::FolderItem
        .live_in(clinic)
        .where(folder_id: where(clinic_id: clinic.id).select(:id))
        .group(:folder_id)
        .count
    end

    # The audience is the clinic's own group: never empty, never staff.
    def self.publish_changed!(clinic)
      MessageBus.publish(
        clinic.message_bus_channel,
        { type: "folders_changed", clinic_id: clinic.id },
        group_ids: [clinic.group_id],
      )
    end

    def display_name
      name || I18n.t("online_clinic.folders.defaults.#{key}")
    end
  end
end
