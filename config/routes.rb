# frozen_string_literal: true

OnlineClinic::Engine.routes.draw do
  get "/clinics" => "clinics#index"
  post "/clinics" => "clinics#create"
  get "/clinics/by-category/:category_id" => "clinics#by_category"
  get "/clinics/:id" => "clinics#show"
  put "/clinics/:id" => "clinics#update"
  put "/clinics/:id/archive" => "clinics#archive"
  put "/clinics/:id/reopen" => "clinics#reopen"
  post "/clinics/:id/members" => "members#create"
  delete "/clinics/:id/members/:user_id" => "members#destroy"
  get "/clinics/:id/audit-log" => "audit_logs#show"

  # Sessions (docs/contract.md, "## Sessions").
  get "/time" => "time#show"
  get "/clinics/:id/sessions" => "sessions#index"
  post "/clinics/:id/sessions" => "sessions#create"
  put "/sessions/:id/pause" => "sessions#pause"
  put "/sessions/:id/resume" => "sessions#resume"
  put "/sessions/:id/extend" => "sessions#extend_time"
  put "/sessions/:id/end" => "sessions#finish"
  post "/clinics/:id/session-requests" => "session_requests#create"
  post "/clinics/:id/schedules" => "schedules#create"
  delete "/schedules/:id" => "schedules#destroy"
  get "/appointments/:id" => "appointments#show"
  put "/clinics/:id/boundary" => "boundaries#update"

  # Video (docs/contract.md, "## Video").
  get "/clinics/:id/video" => "video#show"
  post "/clinics/:id/video/events" => "video#create_event"

  # Folders (docs/contract.md, "## Folders").
  get "/clinics/:id/folders" => "folders#index"
  post "/clinics/:id/folders" => "folders#create"
  put "/clinics/:id/folders/order" => "folders#reorder"
  put "/folders/:id" => "folders#update"
  delete "/folders/:id" => "folders#destroy"
  get "/folders/:id/items" => "folders#items"
  put "/topics/:topic_id/folder" => "folders#move_item"

  # Screen (docs/contract.md, "## Screen").
  get "/clinics/:id/screen" => "screens#show"
  put "/clinics/:id/screen" => "screens#update"
  post "/clinics/:id/screen/lead" => "screens#take_lead"
  delete "/clinics/:id/screen/lead" => "screens#release_lead"
  put "/clinics/:id/screen/heartbeat" => "screens#heartbeat"
  put "/clinics/:id/screen/lock" => "screens#lock"
  get "/clinics/:id/screen/preview" => "screens#preview"
  get "/clinics/:id/screen/documents/:upload_id" => "screens#document"

  # Record (docs/contract.md, "## Record").
  get "/clinics/:id/timeline" => "timelines#show"
  get "/clinics/:id/record-check" => "record_checks#show"
  get "/clinics/:id/exports" => "exports#index"
  post "/clinics/:id/exports" => "exports#create"
  get "/exports/:id/download" => "exports#download"
end

Discourse::Application.routes.draw do
  mount ::OnlineClinic::Engine, at: "online-clinic"

  get "/clinic" => "online_clinic/shell#respond"
  get "/clinic/:id/audit-log" => "online_clinic/shell#respond"
  get "/clinic/:id/folders" => "online_clinic/shell#respond"
  get "/clinic/:id/folders/:folder_id" => "online_clinic/shell#respond"
  get "/clinic/:id/timeline" => "online_clinic/shell#respond"
end
