# frozen_string_literal: true

module ::OnlineClinic
  # FolderItem in docs/contract.md: a topic with its first post's uploads and links, all
  # preloaded by the caller (options :uploads, :links of this topic; :users by id).
  class FolderItemSerializer < ApplicationSerializer
    attributes :topic_id,
               :title,
               :url,
               :author,
               :created_at,
               :bumped_at,
               :reply_count,
               :uploads,
               :links

    def topic_id
      object.id
    end

    def url
      object.relative_url
    end

    def author
      user = @options[:users][object.user_id]
      user && UserSummarySerializer.new(user, root: false).as_json
    end

    def reply_count
      [object.posts_count - 1, 0].max
    end

    def uploads
      @options[:uploads].map do |upload|
        # As core's UploadSerializer: through the secure-uploads route when the file is secure.
        url = UrlHelper.cook_url(upload.url, secure: SiteSetting.secure_uploads? && upload.secure)
        {
          # The shared screen shows a document by this id (docs/contract.md, "## Screen").
          id: upload.id,
          url: url,
          original_filename: upload.original_filename,
          extension: upload.extension,
          filesize: upload.filesize,
          width: upload.width,
          height: upload.height,
          # An image is its own preview; other files have none (the browser shows their kind).
          thumbnail_url: upload.width.present? && upload.height.present? ? url : nil,
        }
      end
    end

    def links
      @options[:links].map { |link| { url: link.url, title: link.title, domain: link.domain } }
    end
  end
end
