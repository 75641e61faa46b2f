# frozen_string_literal: true

module ::OnlineClinic
  # Folder in docs/contract.md. options[:item_counts]: { folder_id => count } (Folder.item_counts).
  class FolderSerializer < ApplicationSerializer
    attributes :id, :key, :name, :position, :hidden, :item_count

    def name
      object.display_name
    end

    def item_count
      @options[:item_counts][object.id] || 0
    end
  end
end
