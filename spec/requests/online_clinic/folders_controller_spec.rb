# frozen_string_literal: true

RSpec.describe OnlineClinic::FoldersController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }
  fab!(:other_clinic, :online_clinic)

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  def folders_of(target_clinic)
    OnlineClinic::Folder.ensure_defaults!(target_clinic)
    OnlineClinic::Folder.where(clinic_id: target_clinic.id).ordered.to_a
  end

  def folder_named(body, name)
    body["folders"].find { |folder| folder["name"] == name }
  end

  def expect_error(status, type)
    expect(response.status).to eq(status)
    expect(response.parsed_body["error_type"]).to eq(type)
    expect(response.parsed_body["errors"]).to eq([I18n.t("online_clinic.errors.#{type}")])
  end

  # A topic of the folder's clinic with an uploaded file and a link in its first post.
  def file_item(folder, title:)
    topic = Fabricate(:topic, category: folder.clinic.category, title: title)
    post = Fabricate(:post, topic: topic, user: topic.user, raw: "See https://example.com/a")
    UploadReference.create!(upload: Fabricate(:upload), target: post)
    TopicLink.create!(
      topic: topic,
      post: post,
      user: topic.user,
      url: "https://example.com/#{topic.id}",
      domain: "example.com",
    )
    OnlineClinic::FolderItem.create!(topic: topic, folder: folder)
    topic
  end

  describe "#index" do
    it "gives a member the five default folders in their order, named in their language" do
      sign_in(client)
      get "/online-clinic/clinics/#{clinic.id}/folders.json"
      expect(response.status).to eq(200)
      body = response.parsed_body
      expect(body["folders"].map { |f| f["key"] }).to eq(%w[documents letters poems videos links])
      expect(body["folders"].map { |f| f["name"] }).to eq(%w[Documents Letters Poems Videos Links])
      expect(body["folders"].map { |f| f["item_count"] }).to all(eq(0))
      expect(body["permissions"]).to eq("can_manage" => true)
    end

    it "names the default folders in Hebrew for a Hebrew reader" do
      SiteSetting.allow_user_locale = true
      client.update!(locale: "he")
      sign_in(client)
      get "/online-clinic/clinics/#{clinic.id}/folders.json"
      expect(response.parsed_body["folders"].first["name"]).to eq("מסמכים")
    end

    it "creates the default folders once, however often the page is opened" do
      sign_in(client)
      2.times { get "/online-clinic/clinics/#{clinic.id}/folders.json" }
      expect(OnlineClinic::Folder.where(clinic_id: clinic.id).count).to eq(5)
    end

    it "counts a folder's items, leaving out deleted topics" do
      documents = folders_of(clinic).first
      file_item(documents, title: "My first letter to you")
      file_item(documents, title: "A letter I deleted later").trash!
      sign_in(client)
      get "/online-clinic/clinics/#{clinic.id}/folders.json"
      expect(response.parsed_body["folders"].first["item_count"]).to eq(1)
    end

    it "lists hidden folders, flagged, and tells an archived clinic's members they cannot manage" do
      folders_of(clinic).last.update!(hidden: true)
      clinic.update!(status: "archived")
      sign_in(client)
      get "/online-clinic/clinics/#{clinic.id}/folders.json"
      expect(response.parsed_body["folders"].last["hidden"]).to eq(true)
      expect(response.parsed_body["permissions"]).to eq("can_manage" => false)
    end

    it "answers 404 to a non-member, exactly as for a clinic that does not exist" do
      sign_in(outsider)
      get "/online-clinic/clinics/#{clinic.id}/folders.json"
      expect(response.status).to eq(404)
      hidden = response.parsed_body
      get "/online-clinic/clinics/#{clinic.id + 1000}/folders.json"
      expect(response.parsed_body).to eq(hidden)
      expect(OnlineClinic::Folder.where(clinic_id: clinic.id).count).to eq(0)
    end
  end

  describe "#create" do
    it "adds a folder after the others and tells only the clinic's members" do
      sign_in(client)
      messages =
        MessageBus.track_publish(clinic.message_bus_channel) do
          post "/online-clinic/clinics/#{clinic.id}/folders.json", params: { name: "  Dreams  " }
        end
      expect(response.status).to eq(200)
      dreams = folder_named(response.parsed_body, "Dreams")
      expect(dreams).to include("key" => nil, "position" => 5, "hidden" => false)
      expect(messages.map(&:data)).to contain_exactly(
        { type: "folders_changed", clinic_id: clinic.id },
      )
      expect(messages.first.group_ids).to eq([clinic.group_id])
    end

    it "refuses blank, over-long and HTML names with translated errors" do
      sign_in(client)
      {
        "   " => "folder_name_blank",
        "x" * 41 => "folder_name_too_long",
        "<b>Dreams</b>" => "folder_name_contains_html",
      }.each do |name, error|
        post "/online-clinic/clinics/#{clinic.id}/folders.json", params: { name: name }
        expect_error(422, error)
      end
      expect(OnlineClinic::Folder.where(clinic_id: clinic.id).count).to eq(5)
    end

    it "refuses a name another folder already shows, whatever its case" do
      sign_in(client)
      post "/online-clinic/clinics/#{clinic.id}/folders.json", params: { name: "letters" }
      expect_error(422, "folder_name_taken")
      post "/online-clinic/clinics/#{clinic.id}/folders.json", params: { name: "Dreams" }
      post "/online-clinic/clinics/#{clinic.id}/folders.json", params: { name: "DREAMS" }
      expect_error(422, "folder_name_taken")
    end

    it "refuses an archived clinic with 422 archived and a non-member with 404" do
      clinic.update!(status: "archived")
      sign_in(client)
      post "/online-clinic/clinics/#{clinic.id}/folders.json", params: { name: "Dreams" }
      expect_error(422, "archived")

      sign_in(outsider)
      post "/online-clinic/clinics/#{clinic.id}/folders.json", params: { name: "Dreams" }
      expect(response.status).to eq(404)
    end
  end

  describe "#update" do
    it "renames a default folder, which then keeps the new name in every language" do
      letters = folders_of(clinic).second
      sign_in(therapist)
      put "/online-clinic/folders/#{letters.id}.json", params: { name: "Letters to my father" }
      expect(response.status).to eq(200)
      expect(folder_named(response.parsed_body, "Letters to my father")).to include(
        "id" => letters.id,
        "key" => "letters",
      )
    end

    it "hides and shows a folder, keeping its items" do
      poems = folders_of(clinic).third
      file_item(poems, title: "A poem about the sea")
      sign_in(client)
      put "/online-clinic/folders/#{poems.id}.json", params: { hidden: true }
      expect(response.parsed_body["folders"].third).to include("hidden" => true, "item_count" => 1)
      put "/online-clinic/folders/#{poems.id}.json", params: { hidden: false }
      expect(response.parsed_body["folders"].third["hidden"]).to eq(false)
    end

    it "refuses to hide the last visible folder" do
      *others, last = folders_of(clinic)
      others.each { |folder| folder.update!(hidden: true) }
      sign_in(client)
      put "/online-clinic/folders/#{last.id}.json", params: { hidden: true }
      expect_error(422, "last_visible_folder")
      expect(last.reload.hidden).to eq(false)
    end

    it "refuses a bad or taken name and changes nothing" do
      letters = folders_of(clinic).second
      sign_in(client)
      put "/online-clinic/folders/#{letters.id}.json", params: { name: "" }
      expect_error(422, "folder_name_blank")
      put "/online-clinic/folders/#{letters.id}.json", params: { name: "POEMS" }
      expect_error(422, "folder_name_taken")
      expect(letters.reload.name).to be_nil
    end

    it "answers 404 for a folder of another clinic and for an unknown folder" do
      sign_in(client)
      put "/online-clinic/folders/#{folders_of(other_clinic).first.id}.json",
          params: {
            name: "Mine now",
          }
      expect(response.status).to eq(404)
      put "/online-clinic/folders/0.json", params: { name: "Mine now" }
      expect(response.status).to eq(404)
    end
  end

  describe "#reorder" do
    it "puts the folders in the order given" do
      ids = folders_of(clinic).map(&:id)
      sign_in(client)
      put "/online-clinic/clinics/#{clinic.id}/folders/order.json",
          params: {
            folder_ids: ids.reverse,
          }
      expect(response.status).to eq(200)
      expect(response.parsed_body["folders"].map { |f| f["id"] }).to eq(ids.reverse)
    end

    it "refuses a list that leaves a folder out or repeats one" do
      ids = folders_of(clinic).map(&:id)
      sign_in(client)
      put "/online-clinic/clinics/#{clinic.id}/folders/order.json",
          params: {
            folder_ids: ids.drop(1),
          }
      expect_error(422, "folder_order_incomplete")
      put "/online-clinic/clinics/#{clinic.id}/folders/order.json",
          params: {
            folder_ids: ids + [ids.first],
          }
      expect_error(422, "folder_order_incomplete")
      expect(folders_of(clinic).map(&:id)).to eq(ids)
    end

    it "answers 404 when the list holds a folder of another clinic" do
      ids = folders_of(clinic).map(&:id)
      sign_in(client)
      put "/online-clinic/clinics/#{clinic.id}/folders/order.json",
          params: {
            folder_ids: ids + [folders_of(other_clinic).first.id],
          }
      expect(response.status).to eq(404)
    end
  end

  describe "#destroy" do
    it "deletes an empty folder" do
      links = folders_of(clinic).last
      sign_in(client)
      delete "/online-clinic/folders/#{links.id}.json"
      expect(response.status).to eq(200)
      expect(response.parsed_body["folders"].map { |f| f["key"] }).not_to include("links")
    end

    it "refuses a folder with items, which stays with its items" do
      documents = folders_of(clinic).first
      topic = file_item(documents, title: "My first letter to you")
      sign_in(client)
      delete "/online-clinic/folders/#{documents.id}.json"
      expect_error(422, "folder_not_empty")
      expect(OnlineClinic::FolderItem.find_by(topic_id: topic.id).folder_id).to eq(documents.id)
    end

    it "refuses the last visible folder" do
      *others, last = folders_of(clinic)
      others.each { |folder| folder.update!(hidden: true) }
      sign_in(client)
      delete "/online-clinic/folders/#{last.id}.json"
      expect_error(422, "last_visible_folder")
    end

    it "answers 404 for a folder of another clinic" do
      foreign = folders_of(other_clinic).first
      sign_in(client)
      delete "/online-clinic/folders/#{foreign.id}.json"
      expect(response.status).to eq(404)
      expect(OnlineClinic::Folder.exists?(foreign.id)).to eq(true)
    end
  end

  describe "#items" do
    it "gives a folder's items with their uploads, links and authors, newest first" do
      documents = folders_of(clinic).first
      older = file_item(documents, title: "My first letter to you")
      older.update!(created_at: 2.days.ago)
      newer = file_item(documents, title: "A drawing I made on Sunday")
      sign_in(client)
      get "/online-clinic/folders/#{documents.id}/items.json"
      expect(response.status).to eq(200)
      body = response.parsed_body
      expect(body["folder"]).to include("id" => documents.id, "item_count" => 2)
      expect(body["items"].map { |item| item["topic_id"] }).to eq([newer.id, older.id])
      item = body["items"].first
      expect(item).to include("title" => newer.title, "url" => newer.relative_url)
      expect(item.dig("author", "username")).to eq(newer.user.username)
      expect(item["uploads"].first.keys).to contain_exactly(
        "id",
        "url",
        "original_filename",
        "extension",
        "filesize",
        "width",
        "height",
        "thumbnail_url",
      )
      # The shared screen's document picker sends this id as the item's document_id.
      expect(item["uploads"].first["id"]).to eq(
        UploadReference.find_by(target: Post.find_by(topic_id: newer.id, post_number: 1)).upload_id,
      )
      expect(item["links"]).to eq(
        [{ "url" => "https://example.com/#{newer.id}", "title" => nil, "domain" => "example.com" }],
      )
      expect(body).to include("page" => 0, "more" => false)
    end

    it "sorts by title and pages 30 at a time" do
      documents = folders_of(clinic).first
      31.times { |i| file_item(documents, title: "Letter number #{format("%02d", i)} for you") }
      sign_in(client)
      get "/online-clinic/folders/#{documents.id}/items.json", params: { sort: "title" }
      first_page = response.parsed_body
      expect(first_page["items"].length).to eq(30)
      expect(first_page["items"].first["title"]).to eq("Letter number 00 for you")
      expect(first_page["more"]).to eq(true)
      get "/online-clinic/folders/#{documents.id}/items.json",
          params: {
            sort: "title",
            order: "desc",
            page: 1,
          }
      expect(response.parsed_body["items"].map { |i| i["title"] }).to eq(
        ["Letter number 00 for you"],
      )
      expect(response.parsed_body["more"]).to eq(false)
    end

    it "leaves out deleted topics and topics moved out of the clinic" do
      documents = folders_of(clinic).first
      file_item(documents, title: "A letter I deleted later").trash!
      file_item(documents, title: "A topic moved elsewhere").update!(category: Fabricate(:category))
      sign_in(client)
      get "/online-clinic/folders/#{documents.id}/items.json"
      expect(response.parsed_body["items"]).to eq([])
    end

    it "refuses an unknown sort, order or page with a translated 400" do
      documents = folders_of(clinic).first
      sign_in(client)
      [
        { sort: "views" },
        { order: "sideways" },
        { page: -1 },
        { page: "two" },
        { page: 10**30 },
      ].each do |query|
        get "/online-clinic/folders/#{documents.id}/items.json", params: query
        expect(response.status).to eq(400)
        expect(response.parsed_body["errors"]).to eq(
          [I18n.t("online_clinic.errors.invalid_folder_query")],
        )
      end
    end

    it "answers 404 to a non-member and for a folder of another clinic" do
      sign_in(outsider)
      get "/online-clinic/folders/#{folders_of(clinic).first.id}/items.json"
      expect(response.status).to eq(404)
      sign_in(client)
      get "/online-clinic/folders/#{folders_of(other_clinic).first.id}/items.json"
      expect(response.status).to eq(404)
    end

    it "runs the same number of queries for 5 items as for 50" do
      documents = folders_of(clinic).first
      5.times { |i| file_item(documents, title: "A letter written on day #{i}") }
      sign_in(client)
      url = "/online-clinic/folders/#{documents.id}/items.json"
      get url
      few = track_sql_queries { get url }.count
      45.times { |i| file_item(documents, title: "A poem written on night #{i}") }
      many = track_sql_queries { get url }.count
      expect(response.parsed_body["items"].length).to eq(30)
      expect(response.parsed_body["items"].map { |item| item["uploads"].length }).to all(eq(1))
      expect(many).to eq(few)
    end
  end

  describe "#move_item" do
    fab!(:topic) do
      Fabricate(:topic, category: clinic.category, title: "Notes from my dream diary")
    end

    it "files a topic in another folder of its clinic, and out of any folder" do
      documents, letters = folders_of(clinic)
      OnlineClinic::FolderItem.create!(topic: topic, folder: documents)
      sign_in(client)
      put "/online-clinic/topics/#{topic.id}/folder.json", params: { folder_id: letters.id }
      expect(response.status).to eq(200)
      expect(response.parsed_body).to eq("topic_id" => topic.id, "folder_id" => letters.id)
      put "/online-clinic/topics/#{topic.id}/folder.json", params: { folder_id: nil }
      expect(response.parsed_body).to eq("topic_id" => topic.id, "folder_id" => nil)
      expect(OnlineClinic::FolderItem.exists?(topic_id: topic.id)).to eq(false)
    end

    it "answers 404 when moving into a folder of another clinic, and leaves the topic filed" do
      documents = folders_of(clinic).first
      OnlineClinic::FolderItem.create!(topic: topic, folder: documents)
      sign_in(client)
      put "/online-clinic/topics/#{topic.id}/folder.json",
          params: {
            folder_id: folders_of(other_clinic).first.id,
          }
      expect(response.status).to eq(404)
      expect(OnlineClinic::FolderItem.find_by(topic_id: topic.id).folder_id).to eq(documents.id)
    end

    it "answers 404 to a non-member and for a topic outside clinics" do
      letters = folders_of(clinic).second
      sign_in(outsider)
      put "/online-clinic/topics/#{topic.id}/folder.json", params: { folder_id: letters.id }
      expect(response.status).to eq(404)
      sign_in(client)
      put "/online-clinic/topics/#{Fabricate(:topic).id}/folder.json",
          params: {
            folder_id: letters.id,
          }
      expect(response.status).to eq(404)
    end
  end

  describe "creating a topic with online_clinic_folder_id" do
    def create_topic(folder_id)
      post "/posts.json",
           params: {
             title: "A letter I never sent to my father",
             raw: "I wrote this last night and want to keep it here.",
             category: clinic.category_id,
             online_clinic_folder_id: folder_id,
           }
      expect(response.status).to eq(200)
      Topic.find(response.parsed_body["topic_id"])
    end

    it "files the new topic in the chosen folder of its clinic" do
      letters = folders_of(clinic).second
      sign_in(client)
      topic = create_topic(letters.id)
      expect(OnlineClinic::FolderItem.find_by(topic_id: topic.id)&.folder_id).to eq(letters.id)

      get "/t/#{topic.id}.json"
      expect(response.parsed_body["online_clinic_folder_id"]).to eq(letters.id)
    end

    it "files a topic held for approval when it is approved" do
      letters = folders_of(clinic).second
      manager =
        NewPostManager.new(
          client,
          title: "A letter I never sent to my father",
          raw: "I wrote this last night and want to keep it here.",
          category: clinic.category_id,
          online_clinic_folder_id: letters.id,
        )
      reviewable = manager.enqueue(:needs_approval).reviewable
      expect(reviewable.reload.payload["online_clinic_folder_id"]).to eq(letters.id)

      reviewable.perform(Discourse.system_user, :approve_post)
      topic = reviewable.reload.topic
      expect(topic.category_id).to eq(clinic.category_id)
      expect(OnlineClinic::FolderItem.find_by(topic_id: topic.id)&.folder_id).to eq(letters.id)
    end

    it "creates the topic unfiled when the folder belongs to another clinic" do
      sign_in(client)
      topic = create_topic(folders_of(other_clinic).first.id)
      expect(topic.category_id).to eq(clinic.category_id)
      expect(OnlineClinic::FolderItem.exists?(topic_id: topic.id)).to eq(false)

      get "/t/#{topic.id}.json"
      expect(response.parsed_body["online_clinic_folder_id"]).to be_nil
    end
  end
end
