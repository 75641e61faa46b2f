# frozen_string_literal: true

# name: discourse-online-clinic
# about: Private per-client clinics for online psychotherapy, built on Discourse categories
# version: 0.1.0
# authors: discourse-online-clinic contributors
# url: https://github.com/discourse-online-clinic/discourse-online-clinic
# required_version: 3.5.0

enabled_site_setting :online_clinic_enabled

register_asset "stylesheets/online-clinic.scss"
register_asset "stylesheets/online-clinic-screen.scss"
register_asset "stylesheets/online-clinic-record.scss"

# Icons the plugin's UI uses, so they are in the forum's icon subset whatever core ships.
%w[
  lock
  house
  plus
  play
  pause
  stop
  pencil
  xmark
  box-archive
  box-open
  clock
  comment
  video
  arrows-rotate
  phone-slash
  chevron-up
  chevron-down
  display
  arrow-down
  arrow-up
  chevron-left
  chevron-right
  folder-open
  gear
  hand-pointer
  list
  table-cells
  table-columns
  trash-can
  unlock
  up-right-from-square
  eye
  eye-slash
].each { |icon| register_svg_icon icon }

# The shared screen loads YouTube's IFrame Player API with loadScript. Under Discourse's default
# strict-dynamic script policy that needs nothing; these keep it working where an admin has
# turned strict-dynamic off (host sources are ignored while it is on).
extend_content_security_policy(
  script_src: %w[https://www.youtube.com/iframe_api https://www.youtube.com/s/player/],
)

module ::OnlineClinic
  PLUGIN_NAME = "discourse-online-clinic"
end

require_relative "lib/online_clinic/engine"

after_initialize do
  # One feature per file in lib/online_clinic/initializers (doc-categories style).
  OnlineClinic::Initializer.apply_all(self)
end
