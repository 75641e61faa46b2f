# frozen_string_literal: true

module ::OnlineClinic
  # A clinic's folders and their items (docs/contract.md, "## Folders"). Non-members and folders
  # of another clinic get Discourse's plain 404, so nothing about a clinic leaks.
  class FoldersController < BaseController
    ITEMS_PER_PAGE = 30
    # Keeps OFFSET within PostgreSQL's bigint whatever number a request carries.
    MAX_PAGE = 100_000
    SORTS = { "date" => "topics.created_at", "title" => "LOWER(topics.title)" }.freeze
    ORDERS = %w[desc asc].freeze

    def index
      clinic = find_visible_clinic!(clinic_scope.find_by(id: params[:id]))
      OnlineClinic::Folder.ensure_defaults!(clinic)
      render_folders(clinic)
    end

    def create
      run_folder_service(
        OnlineClinic::Folder::Create,
        { clinic_id: params[:id], name: params[:name] },
      ) { |clinic:| render_folders(clinic) }
    end

    def update
      run_folder_service(
        OnlineClinic::Folder::Update,
        { folder_id: params[:id], name: params[:name], hidden: params[:hidden] },
      ) { |clinic:| render_folders(clinic) }
    end

    def reorder
      run_folder_service(
        OnlineClinic::Folder::Reorder,
        { clinic_id: params[:id], folder_ids: Array(params[:folder_ids]) },
      ) { |clinic:| render_folders(clinic) }
    end

    def destroy
      run_folder_service(OnlineClinic::Folder::Destroy, { folder_id: params[:id] }) do |clinic:|
        render_folders(clinic)
      end
    end

    def move_item
      run_folder_service(
        OnlineClinic::Folder::MoveItem,
        { topic_id: params[:topic_id], folder_id: params[:folder_id].presence },
      ) do |topic:|
        folder_id = OnlineClinic::FolderItem.where(topic_id: topic.id).pick(:folder_id)
        render json: { topic_id: topic.id, folder_id: folder_id }
      end
    end

    # One page of a folder, in a fixed number of queries whatever the number of items: the
    # topics, their first posts, those posts' uploads and links, and the authors.
    def items
      folder = OnlineClinic::Folder.find_by(id: params[:id])
      raise Discourse::NotFound if folder.nil?
      clinic = find_visible_clinic!(clinic_scope.find_by(id: folder.clinic_id))

      page = params[:page].presence ? Integer(params[:page].to_s, exception: false) : 0
      sort = params[:sort].presence || "date"
      order = params[:order].presence || (sort == "title" ? "asc" : "desc")
      if page.nil? || !page.between?(0, MAX_PAGE) || !SORTS.key?(sort) || !ORDERS.include?(order)
        return(
          render_json_error(
            I18n.t("online_clinic.errors.invalid_folder_query"),
            type: "invalid_parameters",
            status: 400,
          )
        )
      end

      topics = folder_topics(folder, clinic, page, sort, order)
      more = topics.length > ITEMS_PER_PAGE
      topics = topics.first(ITEMS_PER_PAGE)
      render json: {
               folder: serialize_folders([folder], clinic).first,
               items: serialize_items(topics),
               page: page,
               more: more,
             }
    end

    private

    def folder_topics(folder, clinic, page, sort, order)
      Topic
        .secured(guardian)
        .listable_topics
        .where(category_id: clinic.category_id, deleted_at: nil)
        .where(id: OnlineClinic::FolderItem.where(folder_id: folder.id).select(:topic_id))
        .order(Arel.sql("#{SORTS[sort]} #{order}, topics.id #{order}"))
        .offset(page * ITEMS_PER_PAGE)
        .limit(ITEMS_PER_PAGE + 1)
        .to_a
    end

    def serialize_items(topics)
      return [] if topics.empty?
      first_post_topic_ids =
        Post.where(topic_id: topics.map(&:id), post_number: 1).pluck(:id, :topic_id).to_h
      uploads =
        UploadReference
          .where(target_type: "Post", target_id: first_post_topic_ids.keys)
          .includes(:upload)
          .order(:id)
          .group_by { |reference| first_post_topic_ids[reference.target_id] }
          .transform_values { |references| references.filter_map(&:upload) }
      # The first post's links to other sites. An uploaded file's own link (which TopicLink also
      # records) is already among the uploads.
      links =
        TopicLink
          .where(post_id: first_post_topic_ids.keys, reflection: false)
          .order(:id)
          .reject { |link| Discourse.store.has_been_uploaded?(link.url) }
          .group_by { |link| first_post_topic_ids[link.post_id] }
      users = User.where(id: topics.map(&:user_id).uniq).index_by(&:id)

      topics.map do |topic|
        OnlineClinic::FolderItemSerializer.new(
          topic,
          scope: guardian,
          root: false,
          uploads: uploads[topic.id] || [],
          links: links[topic.id] || [],
          users: users,
        ).as_json
      end
    end

    def render_folders(clinic)
      folders = OnlineClinic::Folder.where(clinic_id: clinic.id).ordered.to_a
      render json: {
               folders: serialize_folders(folders, clinic),
               permissions: {
                 can_manage:
                   OnlineClinic::ClinicAccess.policy(current_user, clinic).can?(
                     OnlineClinic::FolderServiceSteps::ACTION,
                   ),
               },
             }
    end

    def serialize_folders(folders, clinic)
      item_counts = OnlineClinic::Folder.item_counts(clinic)
      folders.map do |folder|
        OnlineClinic::FolderSerializer.new(folder, root: false, item_counts: item_counts).as_json
      end
    end

    # Runs a folder service; on_done renders the answer with the context values its block names.
    def run_folder_service(service, service_params, &on_done)
      service.call(params: service_params, guardian: guardian) do
        on_success(&on_done)
        on_model_not_found(:clinic) { raise Discourse::NotFound }
        on_model_not_found(:folder) { raise Discourse::NotFound }
        on_model_not_found(:topic) { raise Discourse::NotFound }
        on_failed_policy(:can_act) { |_policy, denial:| render_denial(denial) }
        on_failed_policy(:topic_visible) { raise Discourse::NotFound }
        on_failed_policy(:folder_in_clinic) { raise Discourse::NotFound }
        on_failed_policy(:folders_in_clinic) { raise Discourse::NotFound }
        on_failed_contract { |contract| render_invalid_parameters(contract) }
        on_failed_step(:apply) { |step| render_refusal(step.error, "folder_refused") }
        on_failure do
          render_json_error(
            I18n.t("online_clinic.errors.folder_refused"),
            type: "failed",
            status: 422,
          )
        end
      end
    end
  end
end
